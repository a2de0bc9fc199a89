-- AlterTable: a column with a constant default needs no table rebuild on SQLite.
ALTER TABLE "User" ADD COLUMN "mustChangePassword" BOOLEAN NOT NULL DEFAULT false;
