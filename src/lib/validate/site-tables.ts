/**
 * Tables the pages read directly (overview, ward pages, hubs, budget, programmes, surveys, data
 * and release pages), beyond those named by metrics.json. A data folder without one of them, or
 * with no valid row in it, cannot make the site, so the gate says so before the build starts.
 */
export const siteTables: readonly string[] = [
  'areas',
  'sources',
  'population',
  'home_care_facilities',
  'hub_throughput',
  'hubs',
  'consultation_sources',
  'support_contents',
  'document_figures',
  'emergency_hospitals',
  'budget_lines',
  'budget_funding',
  'budget_history',
  'programmes',
  'programme_items',
  'national_items',
  'events',
  'surveys',
  'survey_results',
  'ward_tiles',
  'releases',
];
