import { definePersonalData } from '../../server/personal-data';
import { organisations } from './organisations.table';

/**
 * Organisations hold nothing about a person. Their contact details look like it, so the coverage
 * test asks; they are the organisation's own, and erasing a person leaves them (decision 013).
 */
export const organisationsPersonalData = definePersonalData({
  tables: [],
  kept: [
    {
      column: organisations.contactEmail,
      reason:
        "the organisation's own address (post@…), kept by its partner contacts for the organisation, " +
        'not for one person; it stays when a person is erased',
    },
    {
      column: organisations.contactPhone,
      reason:
        "the organisation's own switchboard number, kept like its address; it stays when a person is erased",
    },
  ],
});
