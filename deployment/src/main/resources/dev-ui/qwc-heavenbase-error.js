import { LitElement, html, css } from 'lit';

/**
 * One error, whole: its type and full message always visible (wrapped, never cut), and the complete text with every
 * cause behind an expandable "Full details".
 */
export class QwcHeavenbaseError extends LitElement {

    static styles = css`
        :host { display: block; }
        .error { border-left: 4px solid var(--lumo-error-color, #c00); padding: 6px 10px; margin: 6px 0;
                 background: var(--lumo-error-color-10pct, #fee); }
        .message { white-space: pre-wrap; overflow-wrap: anywhere; }
        pre { white-space: pre-wrap; overflow-wrap: anywhere; max-height: 40em; overflow: auto; margin: 4px 0; }
    `;

    static properties = {
        error: { type: Object }
    };

    render() {
        if (!this.error) {
            return html``;
        }
        return html`<div class="error">
            <div class="message"><b class="type">${this.error.type}</b>: ${this.error.message}</div>
            <details>
                <summary>Full details</summary>
                <pre class="details">${this.error.details}</pre>
            </details>
        </div>`;
    }
}
customElements.define('qwc-heavenbase-error', QwcHeavenbaseError);
