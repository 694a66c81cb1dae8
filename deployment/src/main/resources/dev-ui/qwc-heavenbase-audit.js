import { LitElement, html } from 'lit';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/button';
import { heavenbaseStyles } from './qwc-heavenbase-styles.js';
import './qwc-heavenbase-error.js';

/** Runs Workspace.audit() or Workspace.repair() and shows the report: every issue, fixed or left. */
export class QwcHeavenbaseAudit extends LitElement {
    jsonRpc = new JsonRpc(this);

    static styles = heavenbaseStyles;

    static properties = {
        _report: { state: true },
        _kind: { state: true },
        _running: { state: true }
    };

    constructor() {
        super();
        this._report = null;
        this._kind = '';
        this._running = false;
    }

    _call(kind) {
        this._running = true;
        const call = kind === 'audit' ? this.jsonRpc.audit() : this.jsonRpc.repair();
        call.then(response => {
            this._kind = kind;
            this._report = response.result;
            this._running = false;
        }, failure => {
            this._kind = kind;
            this._report = { ok: false, error: { type: 'JSON-RPC', message: String(failure?.error?.message ?? failure),
                details: JSON.stringify(failure, null, 2) } };
            this._running = false;
        });
    }

    render() {
        return html`
            <div class="toolbar">
                <vaadin-button id="audit" ?disabled=${this._running} @click=${() => this._call('audit')}>Audit</vaadin-button>
                <vaadin-button id="repair" ?disabled=${this._running} @click=${() => this._call('repair')}>Repair</vaadin-button>
            </div>
            ${this._renderReport()}`;
    }

    _renderReport() {
        const r = this._report;
        if (!r) {
            return html`<p class="muted">Audit compares every entity's parts across backends; repair fixes what it can.</p>`;
        }
        if (!r.ok) {
            return html`<qwc-heavenbase-error id="error" .error=${r.error}></qwc-heavenbase-error>`;
        }
        if (this._kind === 'audit') {
            return html`<h4 id="verdict">${r.consistent ? 'Audit: consistent' : `Audit: ${r.issues.length} issue(s)`}</h4>
                ${this._issues('issues', r.issues)}`;
        }
        return html`<h4 id="verdict">Repair: ${r.fixed.length} fixed, ${r.unresolved.length} unresolved</h4>
            ${r.fixed.length ? html`<h4>Fixed</h4>${this._issues('fixed', r.fixed)}` : ''}
            ${r.unresolved.length ? html`<h4>Unresolved</h4>${this._issues('unresolved', r.unresolved)}` : ''}`;
    }

    _issues(id, issues) {
        if (issues.length === 0) {
            return html``;
        }
        return html`<table id="${id}">
            <tr><th>Kind</th><th>Entity</th><th>Object id</th><th>Backend</th><th>Detail</th></tr>
            ${issues.map(i => html`<tr><td>${i.kind}</td><td>${i.entity}</td><td>${i.objectId}</td>
                <td>${i.backend}</td><td>${i.detail}</td></tr>`)}
        </table>`;
    }
}
customElements.define('qwc-heavenbase-audit', QwcHeavenbaseAudit);
