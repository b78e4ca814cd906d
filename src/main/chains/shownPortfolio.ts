/**
 * What the last refresh left the portfolio showing, as text: the portfolio with the chains' statuses aside
 * (those reach the page on their own, `chains.status`), and its values. Everything else reaches the page only
 * when it asks for the whole portfolio again, which a poll that left both as they were need not make it do.
 */
export class ShownPortfolio {
  private portfolio: string | null = null;
  private values: string | null = null;

  /** Whether the portfolio, statuses aside, differs from the one passed last time; remembers this one. */
  portfolioChanged(portfolio: { chains: unknown }): boolean {
    const { chains: _statuses, ...shown } = portfolio;
    const next = JSON.stringify(shown);
    const changed = next !== this.portfolio;
    this.portfolio = next;
    return changed;
  }

  /** Whether the values differ from those passed last time; remembers these. */
  valuesChanged(values: unknown): boolean {
    const next = JSON.stringify(values ?? null);
    const changed = next !== this.values;
    this.values = next;
    return changed;
  }

  /** For when what was shown is not known: the next calls say that both changed. */
  forget(): void {
    this.portfolio = null;
    this.values = null;
  }
}
