/**
 * The smallest role guide body that parses without a problem: each section a role guide needs, one
 * entry each. Tests write front matter before it, or one kind of trouble after it.
 */
export function minimalRoleGuideBody(title: string): string {
  return `# ${title}

## Role Description

Leads a team.

## Required Capabilities

- Lead people.

## Skills

- People management – L300+

## Key Stakeholders

- Customers to agree on goals

## Role Profile

| Success factor | Indicators | Metrics |
|---|---|---|
| **Delivery**:<br>Deliver well. | Ship things. | **Quantitative**: Delivery rate. |
`;
}
