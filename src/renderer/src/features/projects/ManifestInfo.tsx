import type { MergePlan } from '../../../../shared/projects';
import { formatDateTime } from './merge-plan';

/** Who exported the file, when, with which Assay, and which project it carries. */
export function ManifestInfo({ plan }: { plan: MergePlan }) {
  const { file, project } = plan;
  return (
    <dl className="manifest-info">
      <dt>File</dt>
      <dd>{file.fileName ?? '(unnamed)'}</dd>
      <dt>Project</dt>
      <dd>
        {file.projectName}{' '}
        <span className="hint">
          {project.exists
            ? project.localName && project.localName !== file.projectName
              ? `(merges into your project “${project.localName}”)`
              : '(merges into your copy of this project)'
            : '(new here: it will be created)'}
        </span>
      </dd>
      <dt>Exported by</dt>
      <dd>{file.exporterName ?? <span className="hint">not named</span>}</dd>
      <dt>Exported at</dt>
      <dd>{formatDateTime(file.exportedAt)}</dd>
      <dt>App version</dt>
      <dd>
        Assay {file.appVersion} <span className="hint">(file format {file.formatVersion})</span>
      </dd>
    </dl>
  );
}
