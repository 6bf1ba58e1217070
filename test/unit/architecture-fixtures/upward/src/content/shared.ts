export const shared = () => 'content loaded by an integration';
