/** A pool owner's dataset of verified deliveries (Node only; scripts/pool.ts and tests use it). */
export { writeDataset, DATASET_CREATED_BY, type WrittenDataset } from './write-dataset.ts';
export { RECORD_COLUMNS, TOTALS_COLUMNS, PROVENANCE_COLUMNS, type Column } from './columns.ts';
export { datasetCard } from './card.ts';
export type { DatasetInput, DatasetPool, DatasetRecord, DatasetStake, DatasetTotals } from './types.ts';
