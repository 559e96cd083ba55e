import * as z from 'zod/mini';

/** What a person may do in pledgeflow. The policy table in docs/policy.md says what each may do. */
export const ROLES = {
  planEditor: 'plan-editor',
  boardMember: 'board-member',
  workingGroupLead: 'working-group-lead',
  actionOwner: 'action-owner',
  partnerContributor: 'partner-contributor',
  executive: 'executive',
  scrutiny: 'scrutiny',
} as const;

export type Role = (typeof ROLES)[keyof typeof ROLES];

export const ROLE_LABELS: Record<Role, string> = {
  'plan-editor': 'plan editor',
  'board-member': 'board member',
  'working-group-lead': 'working-group lead',
  'action-owner': 'action owner',
  'partner-contributor': 'partner agency contributor',
  executive: 'executive (cabinet) member',
  scrutiny: 'scrutiny member (read-only)',
};

export const RoleSchema = z.enum(Object.values(ROLES) as [Role, ...Role[]], {
  error: `expected a role: ${Object.values(ROLES).join(', ')}`,
});
