-- AlterTable
ALTER TABLE "MachineGroup" ADD COLUMN     "queryId" INTEGER;

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "targetQueryId" INTEGER;

-- CreateTable
CREATE TABLE "InventoryQuery" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "conditions" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InventoryQuery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "InventoryQuery_name_key" ON "InventoryQuery"("name");

-- AddForeignKey
ALTER TABLE "MachineGroup" ADD CONSTRAINT "MachineGroup_queryId_fkey" FOREIGN KEY ("queryId") REFERENCES "InventoryQuery"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_targetQueryId_fkey" FOREIGN KEY ("targetQueryId") REFERENCES "InventoryQuery"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

