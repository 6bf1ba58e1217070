export const alerts = () => 'a remark plugin';
