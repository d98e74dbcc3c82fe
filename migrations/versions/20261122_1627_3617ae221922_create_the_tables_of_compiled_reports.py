"""create the tables of compiled reports, their blocks, sources, editions and jobs

Revision ID: 3617ae221922
Revises: 6f8c87c7e4df
Create Date: 2026-11-22 16:27:26.699083
"""

import sqlalchemy as sa
from alembic import op


revision = '3617ae221922'
down_revision = '6f8c87c7e4df'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('reports',
    sa.Column('cycle_id', sa.Integer(), nullable=False),
    sa.Column('settings', sa.JSON(), nullable=False),
    sa.Column('status', sa.Enum('draft', 'final', name='report_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('compiled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_reports_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['cycle_id'], ['reporting_cycles.id'], name=op.f('fk_reports_cycle_id_reporting_cycles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reports'))
    )
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reports_cycle_id'), ['cycle_id'], unique=False)

    op.create_table('report_blocks',
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('summary', 'chapter', 'section', 'subsection', 'paragraph', 'subparagraph', 'annex', 'table', name='report_block_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('origin', sa.Enum('generated', 'starting', 'manual', name='report_block_origin', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('generated_text', sa.Text(), nullable=True),
    sa.Column('data', sa.JSON(), nullable=True),
    sa.Column('edited', sa.Boolean(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('sources_changed', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], name=op.f('fk_report_blocks_report_id_reports'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_report_blocks_updated_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_blocks'))
    )
    with op.batch_alter_table('report_blocks', schema=None) as batch_op:
        batch_op.create_index('ix_report_blocks_report_id_position', ['report_id', 'position'], unique=False)
        batch_op.create_index('uq_report_blocks_report_id_key', ['report_id', 'key'], unique=True)

    op.create_table('report_editions',
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('finalised_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finalised_by_id', sa.Integer(), nullable=True),
    sa.Column('inputs', sa.JSON(), nullable=False),
    sa.Column('pdf', sa.LargeBinary(), nullable=True),
    sa.Column('pdf_sha256', sa.String(length=64), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['finalised_by_id'], ['users.id'], name=op.f('fk_report_editions_finalised_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], name=op.f('fk_report_editions_report_id_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_editions')),
    sa.UniqueConstraint('report_id', 'number', name=op.f('uq_report_editions_report_id_number'))
    )
    with op.batch_alter_table('report_editions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_editions_report_id'), ['report_id'], unique=False)

    op.create_table('report_jobs',
    sa.Column('cycle_id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.Enum('report', 'compilation', 'finalise', name='report_job_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('options', sa.JSON(), nullable=False),
    sa.Column('status', sa.Enum('queued', 'running', 'done', 'failed', name='report_job_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('progress_done', sa.Integer(), nullable=False),
    sa.Column('progress_total', sa.Integer(), nullable=False),
    sa.Column('message', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('pages', sa.Integer(), nullable=True),
    sa.Column('filename', sa.String(length=200), nullable=True),
    sa.Column('pdf', sa.LargeBinary(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_report_jobs_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['cycle_id'], ['reporting_cycles.id'], name=op.f('fk_report_jobs_cycle_id_reporting_cycles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], name=op.f('fk_report_jobs_report_id_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_jobs'))
    )
    with op.batch_alter_table('report_jobs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_jobs_cycle_id'), ['cycle_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_report_jobs_report_id'), ['report_id'], unique=False)

    op.create_table('report_block_sources',
    sa.Column('block_id', sa.Integer(), nullable=False),
    sa.Column('answer_id', sa.Integer(), nullable=False),
    sa.Column('revision_id', sa.Integer(), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['answer_id'], ['answers.id'], name=op.f('fk_report_block_sources_answer_id_answers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['block_id'], ['report_blocks.id'], name=op.f('fk_report_block_sources_block_id_report_blocks'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['revision_id'], ['answer_revisions.id'], name=op.f('fk_report_block_sources_revision_id_answer_revisions'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_block_sources'))
    )
    with op.batch_alter_table('report_block_sources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_block_sources_answer_id'), ['answer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_report_block_sources_block_id'), ['block_id'], unique=False)



def downgrade():
    with op.batch_alter_table('report_block_sources', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_block_sources_block_id'))
        batch_op.drop_index(batch_op.f('ix_report_block_sources_answer_id'))

    op.drop_table('report_block_sources')
    with op.batch_alter_table('report_jobs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_jobs_report_id'))
        batch_op.drop_index(batch_op.f('ix_report_jobs_cycle_id'))

    op.drop_table('report_jobs')
    with op.batch_alter_table('report_editions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_editions_report_id'))

    op.drop_table('report_editions')
    with op.batch_alter_table('report_blocks', schema=None) as batch_op:
        batch_op.drop_index('uq_report_blocks_report_id_key')
        batch_op.drop_index('ix_report_blocks_report_id_position')

    op.drop_table('report_blocks')
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reports_cycle_id'))

    op.drop_table('reports')
