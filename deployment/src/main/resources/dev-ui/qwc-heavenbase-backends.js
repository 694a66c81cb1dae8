import { LitElement, html } from 'lit';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/button';
import { backends } from 'build-time-data';
import { heavenbaseStyles } from './qwc-heavenbase-styles.js';
import './qwc-heavenbase-error.js';

/**
 * The configured backends: type, datasource and live state (from the readiness probe), then per backend its
 * connection target (secrets masked), the row count of every entity stored on it and its capability matrix.
 */
export class QwcHeavenbaseBackends extends LitElement {
    jsonRpc = new JsonRpc(this);

    static styles = heavenbaseStyles;

    static properties = {
        _rows: { state: true },
        _details: { state: true }
    };

    constructor() {
        super();
        this._rows = backends.map(b => ({ ...b, state: 'checking', detail: '', latency: '' }));
        this._details = null;
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
        this.jsonRpc.getBackendDetails().then(response => { this._details = response.result; });
    }

    render() {
        return html`
            <div class="toolbar"><vaadin-button id="check" @click=${() => this._refresh()}>Check again</vaadin-button></div>
            <table id="states">
                <tr><th>Backend</th><th>Type</th><th>Datasource</th><th>State</th><th>Latency</th><th>Detail</th></tr>
                ${this._rows.map(r => html`<tr data-backend="${r.name}">
                    <td>${r.name}</td><td>${r.type}</td><td>${r.datasource}</td><td class="state">${r.state}</td>
                    <td>${r.latency}</td><td class="detail">${r.detail}</td></tr>`)}
            </table>
            ${this._details === null
                ? html`<p class="muted">Loading connection targets, row counts and capabilities…</p>`
                : this._details.map(d => this._backend(d))}`;
    }

    _backend(d) {
        const target = Object.entries(d.target || {});
        return html`<section class="backend" id="backend-${d.name}">
            <h3>${d.name}</h3>
            <h4>Connection target</h4>
            ${target.length === 0
                ? html`<p class="muted target-none">no address keys (embedded or preset defaults)</p>`
                : html`<table class="target">${target.map(([k, v]) => html`<tr><th>${k}</th><td>${v}</td></tr>`)}</table>`}
            ${d.error ? html`<qwc-heavenbase-error .error=${d.error}></qwc-heavenbase-error>` : html`
                <h4>Rows per entity</h4>
                ${d.counts.length === 0 ? html`<p class="muted">no entity stored here</p>` : html`
                <table class="counts"><tr><th>Entity</th><th>Rows</th></tr>
                    ${d.counts.map(c => html`<tr data-entity="${c.entity}"><td>${c.entity}</td>
                        <td class="rows">${c.error
                            ? html`<qwc-heavenbase-error .error=${c.error}></qwc-heavenbase-error>` : c.rows}</td></tr>`)}
                </table>`}
                <details class="capabilities">
                    <summary>Capability matrix (${d.capabilities.length} type/strategy pairs)</summary>
                    <table><tr><th>Type</th><th>Strategy</th><th>Native</th><th>In the engine</th></tr>
                        ${d.capabilities.map(c => html`<tr><td>${c.dtype}</td><td>${c.strategy}</td>
                            <td>${c.native}</td><td>${c.engine}</td></tr>`)}
                    </table>
                </details>`}
        </section>`;
    }
}
customElements.define('qwc-heavenbase-backends', QwcHeavenbaseBackends);
