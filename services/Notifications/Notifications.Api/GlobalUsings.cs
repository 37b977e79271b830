global using Dapper;
global using Npgsql;
global using Studios.ServiceDefaults.Http;
global using Studios.ServiceDefaults.Identity;
global using Studios.ServiceDefaults.Messaging;
global using Studios.ServiceDefaults.Audit;
