/**
 * A table that scrolls sideways inside its own box on a narrow screen, so the page itself never
 * does (WCAG 1.4.10). The box takes the keyboard's focus, so its hidden part can be scrolled to
 * without a mouse; it is a region named by the table's heading.
 */
export function ScrollableTable({ labelledBy, children }: { labelledBy: string; children: React.ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-scroll" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}
