-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "reviewAtSend" TEXT;

