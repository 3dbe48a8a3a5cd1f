"""The command line's subcommands of the statistician's month: closing and reopening a period end, listing what
later imports changed in a closed one, and writing the month's documents. It may import dashboard.database,
dashboard.metrics, dashboard.reports and the data access layer, as the rest of the command line does."""
