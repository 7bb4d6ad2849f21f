/** Dashboard statistics. */
export { StatsService, localOffsetMinutes, type StatsDeps } from './stats-service';
