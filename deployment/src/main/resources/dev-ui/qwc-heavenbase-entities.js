import { LitElement, html, css } from 'lit';
import '@vaadin/grid';
import '@vaadin/grid/vaadin-grid-sort-column.js';
import { entities } from 'build-time-data';

/**
 * Every field of every discovered entity with the backend and strategy it is placed on, as planned at build time,
 * and the analyzer of each text field.
 */
export class QwcHeavenbaseEntities extends LitElement {

    static styles = css`
        .datatable { height: 100%; padding-bottom: 10px; border: none; }
    `;

    render() {
        return html`
            <vaadin-grid .items="${entities}" class="datatable" theme="row-stripes">
                <vaadin-grid-sort-column header="Entity" path="entity" auto-width resizable></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Field" path="field" auto-width resizable></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Type" path="dtype" auto-width resizable></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Backend" path="backend" auto-width resizable></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Strategy" path="strategy" auto-width resizable></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Also on" path="copies" auto-width resizable></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Analyzer" path="analyzer" auto-width resizable></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Class" path="className" resizable></vaadin-grid-sort-column>
            </vaadin-grid>`;
    }
}
customElements.define('qwc-heavenbase-entities', QwcHeavenbaseEntities);
