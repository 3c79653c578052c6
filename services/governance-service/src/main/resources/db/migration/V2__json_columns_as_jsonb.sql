-- Stored documents become jsonb, read and written by the platform's JSON-column mapper. The conversion is in
-- place: every existing value is JSON text already, so nothing is lost. packet.content_json stays text: a snapshot
-- is kept byte for byte as it was generated (see Packet).
alter table decision_ref alter column options_json type jsonb using options_json::jsonb;
alter table governance_body alter column members_json type jsonb using members_json::jsonb;
alter table meeting alter column attendees_json type jsonb using attendees_json::jsonb;
alter table meeting alter column agenda_json type jsonb using agenda_json::jsonb;
alter table meeting alter column attendance_json type jsonb using attendance_json::jsonb;
alter table meeting alter column outcomes_json type jsonb using outcomes_json::jsonb;
