"""Create the tables of reporting cycles, submissions, answers and their history, review comments, events and theme assignments.

Revision ID: acaf5d6522d9
Revises: 8dc9d304ba21
Create Date: 2026-11-22 14:12:00.898579
"""

import sqlalchemy as sa
from alembic import op


revision = 'acaf5d6522d9'
down_revision = '8dc9d304ba21'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('reporting_cycles',
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('template_id', sa.Integer(), nullable=False),
    sa.Column('opens_on', sa.Date(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=False),
    sa.Column('cutoff_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=11), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.CheckConstraint('cutoff_on >= opens_on', name=op.f('ck_reporting_cycles_cutoff_after_opening')),
    sa.CheckConstraint('deadline >= opens_on', name=op.f('ck_reporting_cycles_deadline_after_opening')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_reporting_cycles_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['template_id'], ['checklist_templates.id'], name=op.f('fk_reporting_cycles_template_id_checklist_templates')),
    sa.CheckConstraint("status IN ('preparation', 'open', 'closed')", name=op.f('ck_reporting_cycles_cycle_status')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reporting_cycles')),
    sa.UniqueConstraint('key', name=op.f('uq_reporting_cycles_key'))
    )
    with op.batch_alter_table('reporting_cycles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reporting_cycles_template_id'), ['template_id'], unique=False)

    op.create_table('cycle_invitations',
    sa.Column('cycle_id', sa.Integer(), nullable=False),
    sa.Column('state_id', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['cycle_id'], ['reporting_cycles.id'], name=op.f('fk_cycle_invitations_cycle_id_reporting_cycles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['state_id'], ['member_states.id'], name=op.f('fk_cycle_invitations_state_id_member_states')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cycle_invitations')),
    sa.UniqueConstraint('cycle_id', 'state_id', name=op.f('uq_cycle_invitations_cycle_id_state_id'))
    )
    with op.batch_alter_table('cycle_invitations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cycle_invitations_state_id'), ['state_id'], unique=False)

    op.create_table('submissions',
    sa.Column('cycle_id', sa.Integer(), nullable=False),
    sa.Column('state_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=11), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_activity_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('accepted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reopen_requested_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('item_progress', sa.JSON(), nullable=False),
    sa.Column('answered_count', sa.Integer(), nullable=False),
    sa.Column('required_count', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['cycle_id'], ['reporting_cycles.id'], name=op.f('fk_submissions_cycle_id_reporting_cycles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['state_id'], ['member_states.id'], name=op.f('fk_submissions_state_id_member_states')),
    sa.CheckConstraint("status IN ('not_started', 'draft', 'submitted', 'returned', 'accepted')", name=op.f('ck_submissions_submission_status')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_submissions')),
    sa.UniqueConstraint('cycle_id', 'state_id', name=op.f('uq_submissions_cycle_id_state_id'))
    )
    with op.batch_alter_table('submissions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_submissions_state_id'), ['state_id'], unique=False)

    op.create_table('answers',
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.Column('question_code', sa.String(length=40), nullable=False),
    sa.Column('value', sa.JSON(), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.CheckConstraint('revision > 0', name=op.f('ck_answers_revision_positive')),
    sa.ForeignKeyConstraint(['item_id'], ['checklist_items.id'], name=op.f('fk_answers_item_id_checklist_items')),
    sa.ForeignKeyConstraint(['submission_id'], ['submissions.id'], name=op.f('fk_answers_submission_id_submissions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_answers_updated_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_answers'))
    )
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.create_index('uq_answers_general_question', ['submission_id', 'question_code'], unique=True, sqlite_where=sa.text('item_id IS NULL'), postgresql_where=sa.text('item_id IS NULL'))
        batch_op.create_index('uq_answers_item_question', ['submission_id', 'item_id', 'question_code'], unique=True, sqlite_where=sa.text('item_id IS NOT NULL'), postgresql_where=sa.text('item_id IS NOT NULL'))

    op.create_table('review_comments',
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_review_comments_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['item_id'], ['checklist_items.id'], name=op.f('fk_review_comments_item_id_checklist_items')),
    sa.ForeignKeyConstraint(['submission_id'], ['submissions.id'], name=op.f('fk_review_comments_submission_id_submissions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_comments'))
    )
    with op.batch_alter_table('review_comments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_comments_submission_id'), ['submission_id'], unique=False)

    op.create_table('submission_events',
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('from_status', sa.String(length=11), nullable=True),
    sa.Column('to_status', sa.String(length=11), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_submission_events_actor_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['submission_id'], ['submissions.id'], name=op.f('fk_submission_events_submission_id_submissions'), ondelete='CASCADE'),
    sa.CheckConstraint("kind IN ('opened', 'started', 'submitted', 'returned', 'accepted', 'reopen_requested', 'reopened')", name=op.f('ck_submission_events_event_kind')),
    sa.CheckConstraint("from_status IN ('not_started', 'draft', 'submitted', 'returned', 'accepted')", name=op.f('ck_submission_events_event_from_status')),
    sa.CheckConstraint("to_status IN ('not_started', 'draft', 'submitted', 'returned', 'accepted')", name=op.f('ck_submission_events_event_to_status')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_submission_events'))
    )
    with op.batch_alter_table('submission_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_submission_events_submission_id'), ['submission_id'], unique=False)

    op.create_table('theme_assignments',
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('theme_code', sa.String(length=60), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['submission_id'], ['submissions.id'], name=op.f('fk_theme_assignments_submission_id_submissions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_theme_assignments_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_theme_assignments')),
    sa.UniqueConstraint('submission_id', 'theme_code', 'user_id', name=op.f('uq_theme_assignments_submission_id_theme_code_user_id'))
    )
    with op.batch_alter_table('theme_assignments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_theme_assignments_submission_id'), ['submission_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_theme_assignments_user_id'), ['user_id'], unique=False)

    op.create_table('answer_revisions',
    sa.Column('answer_id', sa.Integer(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('value', sa.JSON(), nullable=True),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed_by_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['answer_id'], ['answers.id'], name=op.f('fk_answer_revisions_answer_id_answers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['changed_by_id'], ['users.id'], name=op.f('fk_answer_revisions_changed_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_answer_revisions')),
    sa.UniqueConstraint('answer_id', 'revision', name=op.f('uq_answer_revisions_answer_id_revision'))
    )


def downgrade():
    op.drop_table('answer_revisions')
    with op.batch_alter_table('theme_assignments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_theme_assignments_user_id'))
        batch_op.drop_index(batch_op.f('ix_theme_assignments_submission_id'))

    op.drop_table('theme_assignments')
    with op.batch_alter_table('submission_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_submission_events_submission_id'))

    op.drop_table('submission_events')
    with op.batch_alter_table('review_comments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_comments_submission_id'))

    op.drop_table('review_comments')
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.drop_index('uq_answers_item_question', sqlite_where=sa.text('item_id IS NOT NULL'), postgresql_where=sa.text('item_id IS NOT NULL'))
        batch_op.drop_index('uq_answers_general_question', sqlite_where=sa.text('item_id IS NULL'), postgresql_where=sa.text('item_id IS NULL'))

    op.drop_table('answers')
    with op.batch_alter_table('submissions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_submissions_state_id'))

    op.drop_table('submissions')
    with op.batch_alter_table('cycle_invitations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cycle_invitations_state_id'))

    op.drop_table('cycle_invitations')
    with op.batch_alter_table('reporting_cycles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reporting_cycles_template_id'))

    op.drop_table('reporting_cycles')
