// Validates an OpenAPI document file against the specification (schema and semantic checks): exit 0 when valid,
// 1 with the validator's message otherwise.
import SwaggerParser from "@apidevtools/swagger-parser";

const file = process.argv[2];
try {
  const api = await SwaggerParser.validate(file);
  console.log(`valid: OpenAPI ${api.openapi}, ${Object.keys(api.paths ?? {}).length} paths`);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
