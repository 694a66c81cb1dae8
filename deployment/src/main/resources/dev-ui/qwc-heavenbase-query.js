import { LitElement, html } from 'lit';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/button';
import { heavenbaseStyles } from './qwc-heavenbase-styles.js';
import './qwc-heavenbase-error.js';

/**
 * Runs a JSON query (the shape of Workspace.queryJson) on one entity and shows the rows and the explain() plan:
 * per filter leaf, near, order and fetch the backend and whether it runs natively or in the engine (fallback).
 */
export class QwcHeavenbaseQuery extends LitElement {
    jsonRpc = new JsonRpc(this);

    static styles = heavenbaseStyles;

    static properties = {
        _entities: { state: true },
        _entity: { state: true },
        _json: { state: true },
        _result: { state: true },
        _running: { state: true }
    };

    constructor() {
        super();
        this._entities = [];
        this._entity = '';
        this._json = '{\n  "limit": 20\n}';
        this._result = null;
        this._running = false;
    }

    connectedCallback() {
        super.connectedCallback();
        this.jsonRpc.getEntities().then(response => {
            const r = response.result;
            if (r.ok) {
                this._entities = r.entities;
                this._entity = this._entity || r.entities[0] || '';
            } else {
                this._result = r;
            }
        });
    }

    _run() {
        this._running = true;
        this.jsonRpc.runQuery({ entity: this._entity, json: this._json }).then(response => {
            this._result = response.result;
            this._running = false;
        }, failure => {
            this._result = { ok: false, error: { type: 'JSON-RPC', message: String(failure?.error?.message ?? failure),
                details: JSON.stringify(failure, null, 2) } };
            this._running = false;
        });
    }

    render() {
        return html`
            <div class="toolbar">
                <label>Entity
                    <select id="entity" @change=${e => { this._entity = e.target.value; }}>
                        ${this._entities.map(e => html`<option value="${e}" ?selected=${e === this._entity}>${e}</option>`)}
                    </select>
                </label>
                <vaadin-button id="run" ?disabled=${this._running || !this._entity} @click=${() => this._run()}>Run query</vaadin-button>
            </div>
            <textarea id="json" rows="8" cols="80" spellcheck="false" .value=${this._json}
                @input=${e => { this._json = e.target.value; }}></textarea>
            ${this._renderResult()}`;
    }

    _renderResult() {
        const r = this._result;
        if (!r) {
            return html``;
        }
        if (!r.ok) {
            return html`<qwc-heavenbase-error id="error" .error=${r.error}></qwc-heavenbase-error>`;
        }
        return html`
            <h4 id="row-count">${r.rows.length} row(s)</h4>
            <table id="results">
                <tr>${r.columns.map(c => html`<th>${c}</th>`)}</tr>
                ${r.rows.map(row => html`<tr>${r.columns.map(c => html`<td>${this._cell(row[c])}</td>`)}</tr>`)}
            </table>
            <h4>explain()</h4>
            <table id="plan">
                <tr><th>Step</th><th>Field</th><th>Op</th><th>Backend</th><th>Type</th><th>Strategy</th><th>Runs</th><th>Detail</th></tr>
                ${r.plan.map(s => html`<tr data-node="${s.node}" data-field="${s.field}">
                    <td>${s.node}</td><td>${s.field}</td><td>${s.op}</td><td>${s.backend}</td><td>${s.type}</td>
                    <td>${s.strategy}</td>
                    <td class="mode ${s.mode}">${s.mode === 'fallback' ? 'engine (fallback)' : s.mode}</td>
                    <td>${s.detail}</td></tr>`)}
            </table>`;
    }

    _cell(value) {
        return value === null || value === undefined ? '' : String(value);
    }
}
customElements.define('qwc-heavenbase-query', QwcHeavenbaseQuery);
