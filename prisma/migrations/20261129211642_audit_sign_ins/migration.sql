-- AlterEnum: sign-ins, sign-outs and failed sign-ins in the audit log
ALTER TYPE "AuditAction" ADD VALUE IF NOT EXISTS 'SIGN_IN';
ALTER TYPE "AuditAction" ADD VALUE IF NOT EXISTS 'SIGN_OUT';
ALTER TYPE "AuditAction" ADD VALUE IF NOT EXISTS 'SIGN_IN_FAILED';
