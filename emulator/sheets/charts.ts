// Embedded charts (script side): the Charts enums, EmbeddedChartBuilder, EmbeddedChart and its container info.
import { expectArgs, isInt, isStr, type Ctx } from './context';
import type { ChartData } from './chart-data';
import type { Range } from './range';
import { rangeFacade, rangeRefOf } from './range-ref';
import type { SheetModel } from './sheet-model';

const enumOf = (names: string[]): Record<string, string> => Object.freeze(Object.fromEntries(names.map((k) => [k, k])));

export const CHART_TYPE = enumOf([
  'AREA', 'BAR', 'BUBBLE', 'CANDLESTICK', 'COLUMN', 'COMBO', 'GAUGE', 'GEO', 'HISTOGRAM', 'RADAR', 'LINE', 'ORG', 'PIE',
  'SCATTER', 'SPARKLINE', 'STEPPED_AREA', 'TABLE', 'TIMELINE', 'TREEMAP', 'WATERFALL',
]);

/** The Charts global: only the enums the spreadsheet's builders need. */
export class Charts {
  readonly ChartType = CHART_TYPE;
  readonly Position = enumOf(['TOP', 'RIGHT', 'BOTTOM', 'NONE']);
  readonly Orientation = enumOf(['HORIZONTAL', 'VERTICAL']);
  readonly CurveStyle = enumOf(['NORMAL', 'SMOOTH']);
  readonly PointStyle = enumOf(['NONE', 'TINY', 'MEDIUM', 'LARGE', 'HUGE']);
  readonly ChartHiddenDimensionStrategy = enumOf(['IGNORE_BOTH', 'IGNORE_ROWS', 'IGNORE_COLUMNS', 'SHOW_BOTH']);
  readonly ChartMergeStrategy = enumOf(['MERGE_COLUMNS', 'MERGE_ROWS']);
}

export function createChartsService(): object {
  return new Charts();
}

const copyData = (d: ChartData): ChartData => ({
  id: d.id, type: d.type, ranges: d.ranges.map((r) => ({ sheet: r.sheet, box: { ...r.box } })),
  position: { ...d.position }, options: { ...d.options },
});

export class ContainerInfo {
  readonly #p: ChartData['position'];
  constructor(p: ChartData['position']) {
    this.#p = { ...p };
  }
  getAnchorRow(): number {
    return this.#p.row;
  }
  getAnchorColumn(): number {
    return this.#p.col;
  }
  getOffsetX(): number {
    return this.#p.offsetX;
  }
  getOffsetY(): number {
    return this.#p.offsetY;
  }
}

export class ChartOptions {
  readonly #options: Record<string, unknown>;
  constructor(options: Record<string, unknown>) {
    this.#options = { ...options };
  }
  get(option: string): unknown {
    return this.#options[option] ?? null;
  }
  getOrDefault(option: string): unknown {
    return this.#options[option] ?? null;
  }
}

/** Where a chart facade stands: the execution's spreadsheet and the sheet the chart is on, or is built for. */
export interface ChartHome {
  readonly ctx: Ctx;
  readonly sheet: SheetModel;
}

export class EmbeddedChart {
  readonly #home: ChartHome;
  readonly #data: ChartData;
  constructor(home: ChartHome, data: ChartData) {
    this.#home = home;
    this.#data = copyData(data);
  }
  _data(): ChartData {
    return copyData(this.#data);
  }
  getChartId(): number | null {
    return this.#data.id === 0 ? null : this.#data.id;
  }
  getId(): string {
    return `u${this.#data.id}`;
  }
  getRanges(): Range[] {
    return this.#data.ranges.map((r) => rangeFacade(this.#home.ctx, r));
  }
  getOptions(): ChartOptions {
    return new ChartOptions({ ...this.#data.options });
  }
  getContainerInfo(): ContainerInfo {
    return new ContainerInfo(this.#data.position);
  }
  modify(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this.#home, this.#data);
  }
}

export class EmbeddedChartBuilder {
  readonly #home: ChartHome;
  readonly #data: ChartData;
  constructor(home: ChartHome, from?: ChartData) {
    this.#home = home;
    this.#data = from ? copyData(from) : { id: 0, type: 'LINE', ranges: [], position: { row: 1, col: 1, offsetX: 0, offsetY: 0 }, options: {} };
  }
  addRange(range: Range): this {
    const ref = rangeRefOf(range);
    expectArgs('EmbeddedChartBuilder.addRange', [range], () => ref !== null);
    this.#data.ranges.push(ref!);
    return this;
  }
  removeRange(range: Range): this {
    const ref = rangeRefOf(range);
    expectArgs('EmbeddedChartBuilder.removeRange', [range], () => ref !== null);
    this.#data.ranges = this.#data.ranges.filter((r) => !(r.sheet === ref!.sheet && JSON.stringify(r.box) === JSON.stringify(ref!.box)));
    return this;
  }
  clearRanges(): this {
    this.#data.ranges = [];
    return this;
  }
  getRanges(): Range[] {
    return this.#data.ranges.map((r) => rangeFacade(this.#home.ctx, r));
  }
  getChartType(): string {
    return this.#data.type;
  }
  setChartType(type: string): this {
    expectArgs('EmbeddedChartBuilder.setChartType', [type], (t) => isStr(t) && t in CHART_TYPE);
    this.#data.type = type;
    return this;
  }
  setOption(option: string, value: unknown): this {
    expectArgs('EmbeddedChartBuilder.setOption', [option, value], isStr, () => true);
    this.#data.options[option] = value;
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    expectArgs('EmbeddedChartBuilder.setPosition', [anchorRowPos, anchorColPos, offsetX, offsetY], isInt, isInt, isInt, isInt);
    this.#data.position = { row: anchorRowPos, col: anchorColPos, offsetX, offsetY };
    return this;
  }
  getContainer(): ContainerInfo {
    return new ContainerInfo(this.#data.position);
  }
  build(): EmbeddedChart {
    return new EmbeddedChart(this.#home, this.#data);
  }
}
