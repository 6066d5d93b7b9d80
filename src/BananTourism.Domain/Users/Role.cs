namespace BananTourism.Domain.Users;

public enum Role
{
    Tourist = 0,
    Operator = 1,
    Officer = 2,
    Admin = 3,
}
