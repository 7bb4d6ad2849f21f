/** WhatsApp Cloud API: client, error table, schemas and webhook signatures. */
export * from './client';
export * from './errors';
export * from './schemas';
export * from './signature';
