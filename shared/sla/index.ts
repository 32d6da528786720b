/** SLA engine (formats.md §3): validate with ticketsFileSchema, compute with computeSla. */
export {
  computeSla,
  type ComplianceRow,
  type SlaOptions,
  type SlaReport,
  type SlaStatus,
  type SlaTicketInput,
  type SlaTicketResult,
  type StatusCounts,
} from './compute';
export { ticketSchema, ticketsFileSchema, type Ticket, type TicketsFile } from './schema';
