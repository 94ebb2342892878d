export * from './enums';
export * from './directories';
export * from './persons';
export * from './coverage';
export * from './applications';
export * from './events';
export * from './access-log';
export * from './api-keys';
export * from './staff';
export * from './notifications';
export * from './extracts';
<<<<<<< HEAD
export * from './staff-actions';
=======
export * from './feeds';
>>>>>>> h-feeds
