import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/grid';
import '@vaadin/grid/vaadin-grid-sort-column.js';
import '@vaadin/button';
import { backends } from 'build-time-data';

/**
 * The configured backends (name, type, datasource) with their live state from the readiness probe.
 */
export class QwcHeavenbaseBackends extends LitElement {
    jsonRpc = new JsonRpc(this);

    static styles = css`
        .datatable { height: 100%; padding-bottom: 10px; border: none; }
        .toolbar { padding: 10px; }
    `;

    static properties = {
        _rows: { state: true }
    };

    constructor() {
        super();
        this._rows = backends.map(b => ({ ...b, state: 'checking', detail: '' }));
    }

    connectedCallback() {
        super.connectedCallback();
        this._refresh();
    }

    _refresh() {
        this.jsonRpc.getBackendStatuses().then(response => {
            const byName = new Map(response.result.map(s => [s.name, s]));
            this._rows = backends.map(b => {
                const status = byName.get(b.name);
                return status
                    ? { ...b, state: status.state, detail: status.detail,
                        latency: status.latencyMillis >= 0 ? status.latencyMillis + ' ms' : '' }
                    : { ...b, state: 'unknown', detail: '', latency: '' };
            });
        });
    }

    render() {
        return html`
            <div class="toolbar"><vaadin-button @click=${() => this._refresh()}>Check again</vaadin-button></div>
            <vaadin-grid .items="${this._rows}" class="datatable" theme="row-stripes">
                <vaadin-grid-sort-column header="Backend" path="name" auto-width resizable></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Type" path="type" auto-width resizable></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Datasource" path="datasource" auto-width resizable></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="State" path="state" auto-width resizable></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Latency" path="latency" auto-width resizable></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Detail" path="detail" resizable></vaadin-grid-sort-column>
            </vaadin-grid>`;
    }
}
customElements.define('qwc-heavenbase-backends', QwcHeavenbaseBackends);
