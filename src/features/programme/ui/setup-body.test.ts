import { describe, expect, it } from 'vitest';
import { levelBodyFrom, operatorField, programmeBodyFrom } from './setup-body';

function form(values: Record<string, string>): FormData {
  const fields = new FormData();
  for (const [name, value] of Object.entries(values)) fields.set(name, value);
  return fields;
}

describe("the set-up page's request bodies", () => {
  it('follow the rows in their order, and leave out a press contact whose fields are all empty', () => {
    const fields = form({
      nameNb: ' Klyngeprogrammet ',
      nameEn: 'The Cluster Programme',
      descriptionNb: '',
      descriptionEn: '',
      operatingAidCapYears: '10',
      [operatorField(4, 'orgnr')]: '970 141 669',
      [operatorField(4, 'name')]: 'Forskningsrådet',
      [operatorField(1, 'orgnr')]: '986399445',
      [operatorField(1, 'name')]: 'Innovasjon Norge',
      [operatorField(1, 'contactName')]: 'Petra Presse',
      [operatorField(1, 'contactEmail')]: 'petra@example.test',
      [operatorField(1, 'contactPhone')]: '',
    });
    expect(programmeBodyFrom(fields, { operators: [4, 1], brands: undefined })).toEqual({
      name: { nb: 'Klyngeprogrammet', en: 'The Cluster Programme' },
      description: { nb: '', en: '' },
      operatingAidCapYears: 10,
      operatorOrganisations: [
        { orgnr: '970 141 669', name: 'Forskningsrådet', pressContact: null },
        {
          orgnr: '986399445',
          name: 'Innovasjon Norge',
          pressContact: { name: 'Petra Presse', email: 'petra@example.test', phone: null },
        },
      ],
    });
  });

  it('send a half-filled press contact on, for the API to say what is missing', () => {
    const fields = form({ [operatorField(0, 'contactEmail')]: 'petra@example.test' });
    const body = programmeBodyFrom(fields, { operators: [0], brands: [] });
    expect(body.operatorOrganisations[0]?.pressContact).toEqual({
      name: '',
      email: 'petra@example.test',
      phone: null,
    });
    expect(body.brands).toEqual([]);
  });

  it('read a level with no last open year as still open, and its boxes as booleans', () => {
    const body = levelBodyFrom(
      form({
        nameNb: 'Arena',
        nameEn: 'Arena',
        durationYears: '3',
        extensionYears: '2',
        openFromYear: '2002',
        openToYear: '',
        operatingAid: 'on',
      }),
    );
    expect(body).toMatchObject({
      durationYears: 3,
      extensionYears: 2,
      openFromYear: 2002,
      openToYear: null,
      operatingAid: true,
      funded: false,
    });
  });
});
