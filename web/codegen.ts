import type { CodegenConfig } from '@graphql-codegen/cli';

// Operations live in .graphql files beside the pages; their types come from the repository's schema.graphql.
// An operation that asks for a field the schema lacks fails here, and so fails `npm run build`.
const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/shared/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Date: 'string', DateTimeOffset: 'string', ID: 'string' },
      },
    },
  },
};
export default config;
