import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import { useNotices } from '../../app/notices';

export function NewProjectForm({ onCreated }: { onCreated: () => void }) {
  const client = useClient();
  const notices = useNotices();
  const [name, setName] = useState('');
  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    try {
      const project = await client.call('projects.create', { name: name.trim() });
      notices.show({ kind: 'info', message: `Created the project “${project.name}”.` });
      setName('');
      onCreated();
    } catch (error) {
      notices.error(errorMessage(error));
    }
  };
  return (
    <form className="inline-form" onSubmit={(event) => void create(event)}>
      <input aria-label="New project name" placeholder="New project name" value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
      <button type="submit" disabled={!name.trim()}>
        Create project
      </button>
    </form>
  );
}
