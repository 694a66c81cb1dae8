import { css } from 'lit';

/** Table and layout styles shared by the HeavenBase Dev UI pages. */
export const heavenbaseStyles = css`
    :host { display: block; padding: 10px; }
    table { border-collapse: collapse; margin: 6px 0 12px 0; }
    th, td { border: 1px solid var(--lumo-contrast-20pct, #ccc); padding: 3px 8px; text-align: left;
             vertical-align: top; white-space: pre-wrap; overflow-wrap: anywhere; }
    th { background: var(--lumo-contrast-5pct, #f4f4f4); }
    h3, h4 { margin: 12px 0 4px 0; }
    .toolbar { display: flex; gap: 10px; align-items: center; margin-bottom: 8px; }
    .native { color: var(--lumo-success-text-color, #060); font-weight: bold; }
    .fallback { color: var(--lumo-warning-text-color, #a60); font-weight: bold; }
    .muted { color: var(--lumo-secondary-text-color, #666); }
`;
