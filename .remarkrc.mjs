// For editors only (VS Code's unifiedjs.vscode-remark): checks front matter against the JSON
// Schema generated from the Zod schema (`npm run schemas`). The site's pipeline does not read this.
import remarkFrontmatter from 'remark-frontmatter';
import remarkLintFrontmatterSchema from 'remark-lint-frontmatter-schema';

export default {
  plugins: [
    remarkFrontmatter,
    [remarkLintFrontmatterSchema, { schemas: { './schemas/frontmatter.schema.json': ['content/**/*.md'] } }],
  ],
};
