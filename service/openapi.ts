import { z } from 'zod';
import { ErrorBodySchema, type ApiRoute } from '../contracts/service-api';

/**
 * The OpenAPI 3.1 document of the JSON API, generated from the contract's zod schemas
 * (`z.toJSONSchema`), so the document and the checks the routes make cannot drift apart.
 */

type Json = Record<string, unknown>;

const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): Json =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

function parametersOf(route: ApiRoute): Json[] {
  const list: Json[] = [];
  const add = (where: 'path' | 'query', object: z.ZodObject | undefined) => {
    if (object === undefined) return;
    const json = schemaOf(object, 'input') as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(json.properties ?? {})) {
      list.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema });
    }
  };
  add('path', route.params);
  add('query', route.query);
  return list;
}

function requestBodyOf(route: ApiRoute): Json | undefined {
  if (route.body) return { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } };
  if (route.multipart) {
    const fields = schemaOf(route.multipart, 'input') as { properties?: Json; required?: string[] };
    const schema = {
      type: 'object',
      properties: { ...fields.properties, file: { type: 'array', items: { type: 'string', format: 'binary' } } },
      required: fields.required ?? [],
    };
    return { required: true, content: { 'multipart/form-data': { schema } } };
  }
  return undefined;
}

const ERRORS: Record<string, string> = {
  '400': 'a field is invalid (named in error.field)',
  '401': 'no session',
  '403': "another unit's or campaign's data, or a missing CSRF token",
  '404': 'unknown campaign, unit or deliverable',
  '409': 'refused by the campaign (its reason in error.message, its rule in error.code)',
  '413': 'an upload over the limit; nothing stored',
  '415': 'an upload of a refused type; nothing stored',
  '422': 'the campaign could not take the message as sent',
};

export function openApiDocument(routes: readonly ApiRoute[]): Json {
  const paths: Record<string, Record<string, Json>> = {};
  const errorSchema = schemaOf(ErrorBodySchema, 'output');
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const ok = route.produces
      ? { content: Object.fromEntries(route.produces.split(', ').map((t) => [t, { schema: { type: 'string' } }])) }
      : { content: { 'application/json': { schema: schemaOf(route.response, 'output') } } };
    const body = requestBodyOf(route);
    paths[path] ??= {};
    paths[path][route.method] = {
      summary: route.summary,
      parameters: parametersOf(route),
      ...(body ? { requestBody: body } : {}),
      responses: {
        '200': { description: 'ok', ...ok },
        ...Object.fromEntries(
          Object.entries(ERRORS).map(([status, description]) => [
            status,
            { description, content: { 'application/json': { schema: errorSchema } } },
          ]),
        ),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Campaign service (campaign serve)', version: '0.1.0' },
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'campaign_session' } },
    },
    security: [{ session: [] }],
    paths,
  };
}
