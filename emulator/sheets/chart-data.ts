// Embedded charts as the model stores them.
import type { Box } from './a1';

export interface ChartData {
  id: number;
  type: string;
  /** Source ranges: sheet name and box. */
  ranges: { sheet: string; box: Box }[];
  position: { row: number; col: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}
