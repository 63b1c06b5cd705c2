// Generates the OpenAPI 3.1 document from the route table's Zod schemas.
import { z } from 'zod';
import type { Route } from './routes.js';
import { ErrorResponse } from './schemas.js';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io }) as JsonSchema;
  return rest;
};

/** One OpenAPI parameter per property of a route's query schema. */
function parameters(query: z.ZodType | undefined) {
  if (!query) return [];
  const schema = toSchema(query, 'input');
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(props).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: 'query', required: required.has(name), ...(description ? { description } : {}), schema: rest };
  });
}

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

/** The OpenAPI 3.1 description of `routes`. */
export function openApiDocument(routes: readonly Route[], info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const responses: Record<string, unknown> = {
      200: { description: 'OK', content: { 'application/json': { schema: toSchema(r.response, 'output') } } },
      400: errorResponse('bad parameters or body'),
      401: errorResponse('missing or wrong bearer token (only when the server was started with --token)'),
    };
    if (r.method === 'post') {
      responses[413] = errorResponse('body larger than the limit');
      responses[415] = errorResponse('body is not application/json');
    }
    responses[501] = errorResponse('the measure or model behind this endpoint is not available in this build');
    paths[r.path] = {
      ...paths[r.path],
      [r.method]: {
        summary: r.summary,
        operationId: `${r.method}${r.path.replace(/^\/api/, '').replace(/\/(\w)/g, (_, c: string) => c.toUpperCase())}`,
        parameters: parameters(r.query),
        ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(r.body, 'input') } } } } : {}),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { ...info, description: 'Faultline: measure how a regional balance of power shifts.' },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    components: {
      schemas: { Error: toSchema(ErrorResponse, 'output') },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
    security: [{}, { bearer: [] }],
    paths,
  };
}
