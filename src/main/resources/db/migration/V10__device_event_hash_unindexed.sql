-- Issue 9 (shipping speed): a chunk continues from its chain's head or from a line the chain holds, both answered
-- without searching the events by hash (DeviceLogReceiver.continuesHeld). Only a chunk about to be refused searches by
-- hash, for the finding's evidence; an index of random 64-character keys made every stored event rewrite index pages.
DROP INDEX device_event_hash;
