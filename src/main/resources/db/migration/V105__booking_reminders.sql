-- 码上联络 V105 (issue 19): messages about a reception booking (confirmed, cancelled, session cancelled or moved,
-- reminder) have their own opt-in on the booking form ("预约提醒"), shown and revocable on the booking page.
-- Bookings made before this opt-in existed were never asked, so they stay without messages (FALSE).
ALTER TABLE reception_booking ADD COLUMN notify_sms BOOLEAN NOT NULL DEFAULT FALSE;
