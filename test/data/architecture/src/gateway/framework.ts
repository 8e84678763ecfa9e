// Planted: a run-time import of an optional peer dependency (only type imports are allowed).
import type { FastifyInstance } from 'fastify';
import express from 'express';

export const app = (instance: FastifyInstance) => [instance, express()];
