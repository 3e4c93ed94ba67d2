// Opening the library the way the app, the browser-mode host and the CLI do: migrate, and give a
// library that was just created the sample project.
import { openLibrary, type Library, type OpenLibraryOptions } from '../db/library';
import { addSampleProject } from '../sample/sample-project';

export interface OpenAppLibraryOptions extends OpenLibraryOptions {
  /** The app's resources/ folder (sample project, fonts). */
  resourcesDir: string;
  /** Seed a new library with the sample project (default true). */
  sample?: boolean;
}

export function openAppLibrary(path: string, options: OpenAppLibraryOptions): Library {
  const library = openLibrary(path, options);
  if (library.created && options.sample !== false && !options.readonly) {
    try {
      addSampleProject(library, options.resourcesDir);
    } catch (error) {
      library.close();
      throw error;
    }
  }
  return library;
}
