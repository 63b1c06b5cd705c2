// Errors a user can fix: typed, carrying file/line/field context, turned into one-line messages at the CLI and HTTP edges.

export interface ErrorContext {
  readonly file?: string;
  readonly line?: number;
  readonly field?: string;
  /** Process exit code at the CLI edge (2 for bad input). */
  readonly exitCode?: number;
  /** HTTP status at the server edge. */
  readonly status?: number;
}

/** A problem with the user's input or request, reported as `module: file:line: field: message`. */
export class UserError extends Error {
  readonly module: string;
  readonly context: ErrorContext;
  constructor(module: string, message: string, context: ErrorContext = {}) {
    super(formatUserMessage(module, message, context));
    this.name = 'UserError';
    this.module = module;
    this.context = context;
  }
}

/** Formats `module: file:line: field: message`, leaving out the parts that are unknown. */
export function formatUserMessage(module: string, message: string, ctx: ErrorContext): string {
  const where = ctx.file ? `${ctx.file}${ctx.line ? `:${ctx.line}` : ''}: ` : ctx.line ? `line ${ctx.line}: ` : '';
  const field = ctx.field ? `${ctx.field}: ` : '';
  return `${module}: ${where}${field}${message}`;
}

/** One problem found while validating input, kept as data so that all of them can be listed. */
export interface ValidationIssue {
  readonly file: string;
  readonly line: number;
  readonly field: string;
  readonly message: string;
}

/** `file:line: field: message`, the form every validation issue is printed in. */
export function formatIssue(i: ValidationIssue): string {
  return `${i.file}:${i.line}: ${i.field}: ${i.message}`;
}
