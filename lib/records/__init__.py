"""What a records officer and an auditor ask of Vigie: retention and anonymising, legal
holds, access requests, backups, and the monthly transparency summary. The history's
hash chain itself is `lib.chain`, below the database."""
