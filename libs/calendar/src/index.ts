export { calendarDate, DEFAULT_TIME_ZONE } from './calendar-date';
export type { CalendarDate } from './calendar-date';
