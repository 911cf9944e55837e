// Placeholder so the build has a content entry; the content engineer owns and replaces this file.
export {};
