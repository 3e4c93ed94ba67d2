import type { ProjectSummary } from '../../../../shared/projects';

/** A <select> of projects; the default project is marked, since new material lands there. */
export function ProjectSelect({
  projects,
  value,
  onChange,
  label,
  emptyOption,
  showCounts = true
}: {
  projects: ProjectSummary[];
  value: string;
  onChange: (projectId: string) => void;
  label: string;
  /** A first option with the value '' (e.g. "All projects"); none when absent. */
  emptyOption?: string;
  /** Article counts help where articles are chosen; elsewhere they are noise. */
  showCounts?: boolean;
}) {
  return (
    <select aria-label={label} value={value} onChange={(event) => onChange(event.target.value)}>
      {emptyOption !== undefined && <option value="">{emptyOption}</option>}
      {projects.map((project) => (
        <option key={project.id} value={project.id}>
          {`${project.name}${project.isDefault ? ' (default)' : ''}${showCounts ? ` — ${project.articleCount} article${project.articleCount === 1 ? '' : 's'}` : ''}`}
        </option>
      ))}
    </select>
  );
}
