// @pledgeflow/core/formats: spreadsheets and reports. CSV reading and writing, importing
// actions from a CSV, and the scrutiny report as Markdown or CSV. Kept apart from the main
// entry because a live tracker needs none of it: a page that only shows and moves items
// does not download it.
export { parseCsv, toCsv, recordsToCsv, formatCsvProblem } from './io/csv.js';
export type { CsvCell, CsvProblem, CsvColumn, CsvParseResult } from './io/csv.js';
export { importActionsCsv } from './io/csv-import.js';
export type { ActionsCsvImport } from './io/csv-import.js';
export { importMeetingsCsv, meetingsToCsv } from './io/csv-meetings.js';
export { importRecommendationsCsv, recommendationsToCsv } from './io/csv-recommendations.js';
export { MAX_ITEM_ROWS, MAX_ITEM_CSV_CHARACTERS } from './io/csv-items.js';
export type { ItemsCsvImport } from './io/csv-items.js';
export { reportToMarkdown, reportToCsv } from './io/report-format.js';
