export const load = () => 'the markdown pipeline';
