/*
 * <gp-echart>: a thin, generic wrapper around Apache ECharts.
 * The server builds the whole ECharts option as JSON (so every number a chart shows comes from
 * the same Java computation the tests pin) and sets it on the `option` property; this element only
 * renders it and keeps it sized to its box. Only the chart types the app uses are registered, to keep
 * the bundle small.
 */
import { LitElement, html, css } from 'lit';
import * as echarts from 'echarts/core';
import { LineChart, BarChart, ScatterChart, CustomChart, GraphChart } from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  DataZoomComponent,
  TitleComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  LineChart,
  BarChart,
  ScatterChart,
  CustomChart,
  GraphChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  DataZoomComponent,
  TitleComponent,
  CanvasRenderer,
]);

export class GpEchart extends LitElement {
  static properties = {
    option: { type: String },
  };

  declare option: string;
  private chart?: echarts.ECharts;
  private resizeObserver?: ResizeObserver;

  static styles = css`
    :host {
      display: block;
      position: relative;
      min-height: 240px;
    }
    #chart {
      position: absolute;
      inset: 0;
    }
  `;

  render() {
    return html`<div id="chart"></div>`;
  }

  firstUpdated() {
    const container = this.renderRoot.querySelector('#chart') as HTMLDivElement;
    this.chart = echarts.init(container);
    this.resizeObserver = new ResizeObserver(() => this.chart?.resize());
    this.resizeObserver.observe(this);
    this.applyOption();
  }

  updated(changed: Map<string, unknown>) {
    if (changed.has('option') && this.chart) {
      this.applyOption();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.chart?.dispose();
    this.chart = undefined;
  }

  connectedCallback() {
    super.connectedCallback();
    if (this.hasUpdated && !this.chart) {
      this.firstUpdated();
    }
  }

  private applyOption() {
    if (!this.chart || !this.option) {
      return;
    }
    try {
      this.chart.setOption(JSON.parse(this.option), { notMerge: true });
      this.setAttribute('data-rendered', String(Date.now()));
    } catch (e) {
      console.error('gp-echart: invalid option', e);
    }
  }
}

customElements.define('gp-echart', GpEchart);

declare global {
  interface HTMLElementTagNameMap {
    'gp-echart': GpEchart;
  }
}
