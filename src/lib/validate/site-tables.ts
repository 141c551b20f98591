/**
 * Tables every site reads, whatever its configuration: the areas, the source documents and the
 * releases. The metrics name their own tables (checked with metrics.json); optional sections
 * (hubs, budget, programmes, surveys, events) appear only where their tables have rows, so a city
 * without them publishes without them.
 */
export const siteTables: readonly string[] = ['areas', 'sources', 'releases'];
