{ ... }:
{
  services.postgresql.authentication = "local all all trust";
}
